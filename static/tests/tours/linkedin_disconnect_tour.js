/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

function fail(message) {
    // console.error is what makes the test runner fail the tour.
    console.error(message);
    throw new Error(message);
}

/** The CSS rule that reveals the trash while the state block is hovered. */
function hoverRevealRule() {
    for (const sheet of document.styleSheets) {
        let rules = [];
        try {
            rules = [...sheet.cssRules];
        } catch {
            continue;
        }
        const rule = rules.find(
            (r) =>
                r.selectorText &&
                r.selectorText.includes(".o_linkedin_state:hover .o_linkedin_disconnect") &&
                r.style.visibility === "visible"
        );
        if (rule) {
            return rule;
        }
    }
    return null;
}

// The trash is hidden until hovered, so the steps find it from its badge.
const STATE_WITH_TRASH = ".o_form_view .o_linkedin_state:has(.o_linkedin_disconnect)";

const clickTrash = {
    content: "Hover the badge and click the trash",
    trigger: STATE_WITH_TRASH,
    run() {
        this.anchor.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
        this.anchor.querySelector(".o_linkedin_disconnect").click();
    },
};

addTour("linkedin_recruiter_disconnect_tour", () => [
    {
        content: "The applicant reads 'LinkedIn Recruiter connected'",
        trigger: ".o_form_view .o_linkedin_state .o_linkedin_connected_badge:contains(LinkedIn Recruiter connected)",
    },
    {
        content: "The trash is hidden until the badge is hovered",
        trigger: STATE_WITH_TRASH,
        run() {
            const trash = this.anchor.querySelector(".o_linkedin_disconnect");
            if (getComputedStyle(trash).visibility !== "hidden") {
                fail("The disconnect button shows without hovering");
            }
            if (!hoverRevealRule()) {
                fail("No :hover rule reveals the disconnect button");
            }
        },
    },
    clickTrash,
    {
        content: "The wizard explains that a duplicate is connected too",
        trigger: ".o_linkedin_disconnect_duplicates:contains(1 other applicant with the same email is also connected to this LinkedIn profile)",
    },
    {
        content: "and lists it with what tells it apart: its job and stage",
        trigger:
            ".o_linkedin_disconnect_duplicates .o_data_row:contains(Jane Doe):contains(Tour job):contains(New)",
    },

    {
        content: "Disconnecting them all is styled as destructive",
        trigger: "button.o_linkedin_disconnect_all.btn-danger:not(.btn-primary)",
    },
    {
        content: "Merge then disconnect",
        trigger: ".o_linkedin_merge_then_disconnect",
        run: "click",
    },
    {
        content: "The merge wizard previews what moves, naming each applicant apart",
        trigger:
            ".o_hr_applicant_merge .o_hr_applicant_merge_preview:contains('Keep Jane Doe, Tour job (New, created'):contains('Jane D. Twin, Tour job (New, created')",
        run() {
            const preview = this.anchor.innerText;
            if (/\((s|ies)\)/.test(preview)) {
                fail(`The preview writes plurals as (s): ${preview}`);
            }
        },
    },
    {
        content: "The merge lists the applicants with their job, and adds none",
        trigger:
            ".o_hr_applicant_merge:not(:has(.o_field_x2many_list_row_add)) .o_data_row:contains(Jane D. Twin):contains(Tour job)",
    },
    {
        content: "The same email: no warning about different people",
        trigger: ".o_hr_applicant_merge:not(:has(.o_hr_applicant_merge_difference:visible))",
    },
    {
        content: "Confirm the merge",
        trigger: ".o_hr_applicant_merge_disconnect_button",
        run: "click",
    },
    {
        content: "The kept applicant is disconnected",
        trigger: "body:not(:has(.modal)) .o_form_view .o_linkedin_not_connected:contains(Not connected)",
    },
    {
        content: "It is the oldest applicant, the primary",
        trigger: ".o_form_view .o_field_widget[name=partner_name] input",
        run() {
            if (this.anchor.value !== "Jane Doe") {
                fail(`Ended on ${this.anchor.value}, not on the primary`);
            }
        },
    },
    {
        content: "No unsaved changes are left",
        trigger: ".o_form_view:not(:has(.o_form_status_indicator_buttons:not(.invisible)))",
    },
]);

addTour("linkedin_recruiter_disconnect_single_tour", () => [
    clickTrash,
    {
        content: "The wizard asks for confirmation",
        trigger: ".o_linkedin_disconnect_confirm:contains(Disconnect)",
    },
    {
        content: "Disconnect is styled as destructive, not as the primary action",
        trigger: "button.o_linkedin_disconnect_confirm_button.btn-danger:not(.btn-primary)",
        run: "click",
    },
    {
        content: "The applicant is disconnected",
        trigger: "body:not(:has(.modal)) .o_form_view .o_linkedin_not_connected:contains(Not connected)",
    },
]);
