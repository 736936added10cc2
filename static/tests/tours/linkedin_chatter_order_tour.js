/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { addTour } from "@linkedin_recruiter_connect/../tests/tours/tour_series";

const { DateTime } = luxon;

/** Dates of the rendered chatter's messages, top to bottom. */
function chatterDates() {
    return [...document.querySelectorAll(".o-mail-Chatter .o-mail-Message-date[title]")].map(
        (element) => {
            const text = element.getAttribute("title").replace(/\s+/g, " ");
            const date = DateTime.fromFormat(text, "M/d/yyyy, h:mm:ss a", { locale: "en-US" });
            if (!date.isValid) {
                throw new Error(`Unreadable chatter date "${text}"`);
            }
            return date;
        }
    );
}

addTour("linkedin_chatter_order_tour", () => [
    {
        // InMail bodies render in a shadow root: find them by subject.
        content: "The chatter shows the imported InMails and Notes",
        trigger: ".o-mail-Chatter .o-mail-Message:contains(Subject: Role)",
    },
    {
        content: "Its dates never increase from top to bottom",
        trigger: ".o-mail-Chatter .o-mail-Message:contains(Note from Bob)",
        run() {
            const dates = chatterDates();
            if (dates.length < 5) {
                throw new Error(`Only ${dates.length} dated messages in the chatter`);
            }
            dates.slice(1).forEach((date, index) => {
                if (date > dates[index]) {
                    throw new Error(
                        `Chatter out of date order: ${dates[index].toISO()} is above ${date.toISO()}`
                    );
                }
            });
        },
    },
]);
