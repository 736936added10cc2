/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { registry } from "@web/core/registry";

// Started on one of the addon's menus or actions (tests/test_tour_menus.py
// opens each in turn): its view must render, with no client error. Any
// error the web client reports is logged with console.error, which fails
// the tour by itself.
registry.category("web_tour.tours").add("linkedin_action_opens_tour", {
    test: true,
    steps: () => [
        {
            content: "The action's view is shown",
            trigger: ".o_action_manager .o_view_controller",
            isCheck: true,
        },
        {
            content: "with no error dialog",
            trigger: "body:not(:has(.o_error_dialog, .o_dialog_error))",
            in_modal: false,
            isCheck: true,
        },
    ],
});

// Started on the applicants' list: "Merge Applicants" from the Action menu.
registry.category("web_tour.tours").add("linkedin_merge_action_opens_tour", {
    test: true,
    steps: () => [
        {
            content: "Ungroup the list",
            trigger: ".o_searchview_facet:contains(Stage) .o_facet_remove",
            run: "click",
        },
        {
            content: "Select the first applicant",
            trigger: ".o_list_view .o_data_row:eq(0) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "and the second",
            trigger: ".o_list_view .o_data_row:eq(1) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Open the Action menu",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Merge Applicants",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Merge Applicants)",
            run: "click",
        },
        {
            content: "The merge wizard opens",
            trigger: ".o_hr_applicant_merge_preview",
            isCheck: true,
        },
        {
            content: "with no error dialog",
            trigger: "body:not(:has(.o_error_dialog, .o_dialog_error))",
            in_modal: false,
            isCheck: true,
        },
    ],
});
