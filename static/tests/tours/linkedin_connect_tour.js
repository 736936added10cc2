/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

const openWizard = [
    {
        content: "Connect the applicant to LinkedIn Recruiter",
        trigger: ".o_form_view button.o_linkedin_connect",
        run: "click",
    },
];

const connectedBadge = {
    content: "The form reads 'LinkedIn Recruiter connected'",
    trigger: ".o_form_view .o_linkedin_connected_badge:contains(LinkedIn Recruiter connected)",
};

addTour("linkedin_connect_best_match_tour", () => [
    ...openWizard,
    {
        content: "The best match is shown as a card with its reason",
        trigger: ".o_linkedin_best_match:contains(Jane Doe):contains(Senior Python Developer)",
    },
    {
        content: "with why it matched",
        trigger: ".o_linkedin_match_reason:contains(mail)",
    },
    {
        content: "Connect the best match",
        trigger: "button.o_linkedin_connect_best",
        run: "click",
    },
    connectedBadge,
    {
        content: "The connect button is gone",
        trigger: ".o_form_view:not(:has(button.o_linkedin_connect))",
    },
]);

addTour("linkedin_connect_not_right_profile_tour", () => [
    ...openWizard,
    {
        content: "The best match is John Smith",
        trigger: ".o_linkedin_best_match:contains(John Smith)",
    },
    {
        content: "Not the right profile?",
        trigger: "button.o_linkedin_not_right_profile",
        run: "click",
    },
    {
        content: "The closest matches are listed, Jon Smith first",
        trigger: ".o_data_row:first:contains(Jon Smith)",
    },
    {
        content: "the rejected John Smith last",
        trigger: ".o_data_row:last:contains(John Smith)",
    },
    {
        content: "Choose Jon Smith",
        trigger: ".o_data_row:first button.o_linkedin_select_match",
        run: "click",
    },
    connectedBadge,
]);

addTour("linkedin_connected_badge_tour", () => [connectedBadge]);

function fail(message) {
    // console.error is what makes the test runner fail the tour.
    console.error(message);
    throw new Error(message);
}

const WHOLE_PERCENT = /^\d+\s?%$/;

/** The closest matches' cells of the column ``name``. */
function cells(name) {
    return [...document.querySelectorAll(`.modal .o_data_row td[name=${name}]`)];
}

addTour("linkedin_closest_matches_tour", () => [
    ...openWizard,
    {
        content: "The best match's score is a whole percentage",
        trigger: ".o_linkedin_best_match:contains(John Smith) .o_linkedin_match_score",
        run() {
            const score = this.anchor.innerText.trim();
            if (!WHOLE_PERCENT.test(score)) {
                fail(`The best match's score reads ${score}`);
            }
        },
    },
    {
        content: "Not the right profile?",
        trigger: "button.o_linkedin_not_right_profile",
        run: "click",
    },
    {
        content: "The rejected profile, last, says so",
        trigger: ".o_data_row:last:contains(John Smith):contains(Not the right profile)",
    },
    {
        content: "Scores are whole percentages, reasons say no other number nor repeat themselves",
        trigger: ".o_data_row:first:contains(Jon Smith)",
        run() {
            for (const cell of cells("score")) {
                if (!WHOLE_PERCENT.test(cell.innerText.trim())) {
                    fail(`A score reads ${cell.innerText}`);
                }
            }
            for (const cell of cells("reason")) {
                const reason = cell.innerText;
                if (reason.includes("%")) {
                    fail(`A reason shows a second score: ${reason}`);
                }
                if (/^same name/i.test(reason) && /same last name/i.test(reason)) {
                    fail(`A reason repeats itself: ${reason}`);
                }
            }
        },
    },
    {
        content: "No reason or profile is cut off",
        trigger: ".o_data_row:first td[name=reason]",
        run() {
            for (const cell of [...cells("reason"), ...cells("profile_url")]) {
                if (cell.scrollWidth > cell.clientWidth + 1) {
                    fail(`"${cell.innerText}" is cut off`);
                }
            }
        },
    },
    {
        content: "Go back to the best match",
        trigger: "button.o_linkedin_back_to_best",
        run: "click",
    },
    {
        content: "The best match is John Smith again",
        trigger: ".o_linkedin_best_match:contains(John Smith)",
    },
    {
        content: "Connect it",
        trigger: "button.o_linkedin_connect_best",
        run: "click",
    },
    connectedBadge,
]);
