/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

// LinkedIn's profile widget is an iframe of LinkedIn's origin: the tours
// below see only what Odoo's page sees (the frame and the state LinkedIn's
// loader gives it); the recruiter's clicks inside it are played by the
// test's widget driver (tests/widget_driver.py).

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

// The recruiter signs in and chooses a profile in the widget meanwhile.
const WIDGET_TIMEOUT = 40000;

const connectedBadge = {
    content: "The form reads 'LinkedIn Recruiter connected'",
    trigger: ".o_form_view .o_linkedin_connected_badge:contains(LinkedIn Recruiter connected)",
    timeout: WIDGET_TIMEOUT,
};

const openLinkedInTab = {
    content: "Open the LinkedIn tab",
    trigger: ".o_form_view .o_notebook .nav-link:contains(LinkedIn)",
    run: "click",
};

function widgetIn(state) {
    return {
        content: `LinkedIn's widget shows its ${state} page`,
        trigger: `iframe.IN-widget[data-in-state=${state}]`,
        timeout: WIDGET_TIMEOUT,
    };
}

addTour("linkedin_widget_connect_tour", () => [
    {
        content: "Connect the applicant to LinkedIn Recruiter",
        trigger: ".o_form_view button.o_linkedin_connect",
        run: "click",
    },
    // The recruiter signs in and connects a profile in the widget's dialog.
    connectedBadge,
    {
        content: "The dialog closed once Odoo connected the applicant",
        trigger: "body:not(:has(.modal .o_linkedin_profile_widget))",
    },
]);

addTour("linkedin_widget_connected_tab_tour", () => [
    connectedBadge,
    openLinkedInTab,
    {
        content: "The tab embeds LinkedIn's widget for the connected profile",
        trigger: ".o_linkedin_profile_tab iframe.IN-widget",
    },
]);

addTour("linkedin_widget_unlink_tour", () => [
    connectedBadge,
    openLinkedInTab,
    {
        content: "Unlinking in the widget explains the connected duplicate",
        trigger:
            ".modal .o_linkedin_disconnect_duplicates:contains(1 other applicant with the same email is also connected to this LinkedIn profile)",
        timeout: WIDGET_TIMEOUT,
    },
    {
        content: "and offers to merge first",
        trigger: ".modal button.o_linkedin_merge_then_disconnect",
    },
]);

addTour("linkedin_widget_unlink_disconnects_tour", () => [
    connectedBadge,
    openLinkedInTab,
    {
        content: "Unlinked in the widget, with no duplicate: Odoo disconnects at once",
        trigger: ".o_notification:contains(is no longer connected to LinkedIn Recruiter)",
        timeout: WIDGET_TIMEOUT,
    },
    {
        content: "and the form reads 'Not connected', without a second confirmation",
        trigger: "body:not(:has(.modal)) .o_form_view .o_linkedin_not_connected:contains(Not connected)",
    },
]);

addTour("linkedin_widget_forged_link_tour", () => [
    openLinkedInTab,
    {
        content: "Ask LinkedIn for the applicant's matches",
        trigger: ".o_linkedin_profile_tab button.o_linkedin_show_matches",
        run: "click",
    },
    widgetIn("signin"),
    {
        content: "A script of the page calls onlink with another member",
        trigger: ".o_linkedin_profile_tab iframe.IN-widget",
        run() {
            const tag = document.querySelector(".o_linkedin_profile_tab script[type='IN/HcmWidget']");
            window[tag.dataset.onlink]("urn:li:person:john-smith");
        },
    },
    {
        content: "Odoo refuses: LinkedIn does not confirm that link",
        trigger: ".modal:contains(LinkedIn does not confirm)",
    },
    {
        content: "and the applicant is still not connected",
        trigger: ".o_form_view .o_linkedin_not_connected:contains(Not connected)",
    },
]);

function previewTour(state) {
    return () => [
        {
            content: "Preview LinkedIn's widget from the settings",
            trigger: "button.o_linkedin_widget_preview_button",
            run: "click",
        },
        {
            content: `LinkedIn's answer for this domain: its ${state} page`,
            trigger: `.o_linkedin_widget_preview iframe.IN-widget[data-in-state=${state}]`,
            timeout: WIDGET_TIMEOUT,
        },
        {
            content: "The test's widget driver has read the widget's text",
            trigger: "body[data-lrc-widget-driver=done]",
            timeout: WIDGET_TIMEOUT,
        },
    ];
}

addTour("linkedin_widget_preview_refused_tour", previewTour("error"));
addTour("linkedin_widget_preview_signin_tour", previewTour("signin"));
