/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("linkedin_recruiter_settings_tour", {
    test: true,
    steps: () => [
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
            run: "text urn:li:contract:2000",
        },
        {
            content: "The client secret is a password field",
            trigger: "div[name=linkedin_client_secret] input[type=password]",
            isCheck: true,
        },
        {
            content: "Discard the changes",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "LinkedIn Recruiter is disabled again",
            trigger: "div[name=linkedin_enabled] input:not(:checked)",
            isCheck: true,
        },
    ],
});

registry.category("web_tour.tours").add("linkedin_recruiter_applicant_state_tour", {
    test: true,
    steps: () => [
        {
            content: "A new applicant reads 'Not connected'",
            trigger: ".o_form_view .o_linkedin_not_connected:contains(Not connected)",
            isCheck: true,
        },
        {
            content: "and shows no connected badge",
            trigger: ".o_form_view:not(:has(.o_linkedin_connected_badge:visible))",
            isCheck: true,
        },
    ],
});
