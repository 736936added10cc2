/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

// Started on one of the addon's menus or actions (tests/test_tour_menus.py
// opens each in turn): its view must render, with no client error. Any
// error the web client reports is logged with console.error, which fails
// the tour by itself.
addTour("linkedin_action_opens_tour", () => [
    {
        content: "The action's view is shown",
        trigger: ".o_action_manager .o_view_controller",
    },
    {
        content: "with no error dialog",
        trigger: "body:not(:has(.o_error_dialog, .o_dialog_error))",
    },
]);

// Started on the applicants' list: "Merge Applicants" from the Action menu.
addTour("linkedin_merge_action_opens_tour", () => [
    {
        content: "Ungroup the list (grouped by stage until 18.0)",
        trigger: ".o_list_view",
        run() {
            const byStage = [...document.querySelectorAll(".o_searchview_facet")].find(
                (facet) => facet.innerText.includes("Stage")
            );
            byStage?.querySelector(".o_facet_remove").click();
        },
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
    },
    {
        content: "with no error dialog",
        trigger: "body:not(:has(.o_error_dialog, .o_dialog_error))",
    },
]);
