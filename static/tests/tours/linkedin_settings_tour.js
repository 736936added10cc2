/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

addTour("linkedin_recruiter_settings_tour", () => [
    {
        content: "The LinkedIn Recruiter block is in Recruitment settings",
        trigger: ".o_setting_box:has(div[name=linkedin_enabled]):contains(Recruiter Lite is not supported)",
    },
    {
        content: "Enable LinkedIn Recruiter",
        trigger: "div[name=linkedin_enabled] input",
        run: "click",
    },
    {
        content: "The credentials appear once enabled",
        trigger: "div[name=linkedin_contract_urn] input",
        run: "edit urn:li:contract:2000",
    },
    {
        content: "The client secret is a password field",
        trigger: "div[name=linkedin_client_secret] input[type=password]",
    },
    {
        content: "Discard the changes",
        trigger: ".o_form_button_cancel",
        run: "click",
    },
    {
        content: "LinkedIn Recruiter is disabled again",
        trigger: "div[name=linkedin_enabled] input:not(:checked)",
    },
]);

addTour("linkedin_recruiter_applicant_state_tour", () => [
    {
        content: "A new applicant reads 'Not connected'",
        trigger: ".o_form_view .o_linkedin_not_connected:contains(Not connected)",
    },
    {
        content: "and shows no connected badge",
        trigger: ".o_form_view:not(:has(.o_linkedin_connected_badge:visible))",
    },
]);

function fail(message) {
    // console.error is what makes the test runner fail the tour.
    console.error(message);
    throw new Error(message);
}

/** Fail unless ``element`` is inside the window: the page did not jump. */
function checkInView(element, what) {
    const box = element.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight) {
        fail(`${what} scrolled out of view (top ${box.top})`);
    }
}

// Started on Recruitment settings with the sandbox configured and no seat
// fetched yet; admin holds one of the contract's six active seats.
addTour("linkedin_settings_buttons_tour", () => [
    {
        content: "No seat is known yet",
        trigger: ".o_linkedin_seat_summary:contains(No active seat yet)",
        run() {
            this.anchor.scrollIntoView({ block: "center" });
        },
    },
    {
        content: "Refresh seats",
        trigger: "button[name=action_linkedin_refresh_seats]",
        run: "click",
    },
    {
        content: "The counts stay in a notification while the block shows them",
        trigger:
            "body:has(.o_notification:contains('6 active seats, 5 not mapped to a user')) " +
            ".o_linkedin_seat_summary:contains(1 of 6 active seats mapped to users)",
        run() {
            checkInView(this.anchor, "The seats setting");
        },
    },
    {
        content: "The checklist does not tick the seats: 1 of 6",
        trigger: ".o_linkedin_check_seats:contains(1 of 6):has(.fa-circle-o:visible)",
    },
    {
        content: "Test the connection",
        trigger: "button.o_linkedin_test_connection",
        run() {
            this.anchor.scrollIntoView({ block: "center" });
            this.anchor.click();
        },
    },
    {
        content: "The verdict shows in a notification and under the button",
        trigger:
            "body:has(.o_notification:contains(LinkedIn Recruiter is ready)) " +
            ".o_linkedin_test_result:contains(Passed)",
        run() {
            checkInView(this.anchor, "The test result");
        },
    },
]);

/** How many lines ``element``'s text takes. */
function lineCount(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return tops.size;
}

// Started on Recruitment settings with LinkedIn Recruiter enabled.
addTour("linkedin_settings_labels_tour", () => [
    {
        content: "The seat checkbox says what it does",
        trigger:
            ".o_setting_box:has(div[name=linkedin_require_seat] input:checked):contains(Require a Recruiter Seat to Connect)",
    },
    {
        content: "The retention period explains itself",
        trigger:
            ".o_setting_box .row:has(div[name=linkedin_retention_days]):contains(Keep waiting):contains(days):has(.o_linkedin_retention_help:contains(wait for an applicant to be connected))",
    },
    {
        content: "No LinkedIn label wraps",
        trigger: "div[name=linkedin_organization_urn]",
        run() {
            const labels = [...document.querySelectorAll(".o_setting_box")]
                .filter((box) => box.querySelector("[name^=linkedin_]"))
                .flatMap((box) => [...box.querySelectorAll("label, .o_form_label")]);
            if (labels.length < 10) {
                fail(`Only ${labels.length} LinkedIn labels found`);
            }
            for (const label of labels) {
                if (label.offsetParent && lineCount(label) > 1) {
                    fail(`The label "${label.innerText}" wraps`);
                }
            }
        },
    },
]);

// Started on Recruitment settings with the sandbox's contract configured.
addTour("linkedin_settings_contracts_tour", () => [
    {
        content: "Open the company's Recruiter contracts",
        trigger: "button[name=action_linkedin_contracts]",
        run: "click",
    },
    {
        content: "The settings' contract is the first one",
        trigger: ".o_list_view .o_data_row:first:contains(urn:li:contract:2000)",
    },
    {
        content: "Add a second contract",
        trigger: ".o_list_button_add",
        run: "click",
    },
    {
        content: "Type its URN",
        trigger: ".o_data_row.o_selected_row [name=contract_urn] input",
        run: "edit urn:li:contract:2999",
    },
    {
        content: "Save it",
        trigger: ".o_list_button_save",
        run: "click",
    },
    {
        content: "Both contracts are listed",
        trigger:
            ".o_list_view:not(:has(.o_selected_row)) " +
            ".o_data_row:contains(urn:li:contract:2999)",
    },
]);
