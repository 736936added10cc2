/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { registry } from "@web/core/registry";

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
    isCheck: true,
};

registry.category("web_tour.tours").add("linkedin_connect_best_match_tour", {
    test: true,
    steps: () => [
        ...openWizard,
        {
            content: "The best match is shown as a card with its reason",
            trigger: ".o_linkedin_best_match:contains(Jane Doe):contains(Senior Python Developer)",
            isCheck: true,
        },
        {
            content: "with why it matched",
            trigger: ".o_linkedin_match_reason:contains(mail)",
            isCheck: true,
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
            isCheck: true,
        },
    ],
});

registry.category("web_tour.tours").add("linkedin_connect_not_right_profile_tour", {
    test: true,
    steps: () => [
        ...openWizard,
        {
            content: "The best match is John Smith",
            trigger: ".o_linkedin_best_match:contains(John Smith)",
            isCheck: true,
        },
        {
            content: "Not the right profile?",
            trigger: "button.o_linkedin_not_right_profile",
            run: "click",
        },
        {
            content: "The closest matches are listed, Jon Smith first",
            trigger: ".o_data_row:first:contains(Jon Smith)",
            isCheck: true,
        },
        {
            content: "the rejected John Smith last",
            trigger: ".o_data_row:last:contains(John Smith)",
            isCheck: true,
        },
        {
            content: "Choose Jon Smith",
            trigger: ".o_data_row:first button.o_linkedin_select_match",
            run: "click",
        },
        connectedBadge,
    ],
});

registry.category("web_tour.tours").add("linkedin_connected_badge_tour", {
    test: true,
    steps: () => [connectedBadge],
});
