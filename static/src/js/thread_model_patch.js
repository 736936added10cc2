/** @odoo-module */
// Copyright 2026 linkedin_recruiter_connect contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// Imported InMails and Recruiter Notes carry LinkedIn's dates, but they are
// created when the import or a connection finds them, so their ids do not
// follow those dates. The chatter of a person shows its messages by date
// (then id, for messages of the same second) instead of by id. Until 18.0
// the chatter lists the thread model's nonEmptyMessages; from 18.0 its
// component's orderedMessages (which reads the thread's messages on 19.0).

import { Thread as ThreadComponent } from "@mail/core/common/thread";
import { Thread } from "@mail/core/common/thread_model";
import { patch } from "@web/core/utils/patch";

export const DATE_ORDERED_MODELS = new Set(["hr.applicant", "hr.candidate"]);

function byDateThenId(message1, message2) {
    return message1.datetime - message2.datetime || message1.id - message2.id;
}

patch(Thread.prototype, {
    get nonEmptyMessages() {
        const messages = super.nonEmptyMessages;
        if (!DATE_ORDERED_MODELS.has(this.model)) {
            return messages;
        }
        return [...messages].sort(byDateThenId);
    },
});

patch(ThreadComponent.prototype, {
    get orderedMessages() {
        const messages = super.orderedMessages;
        if (!DATE_ORDERED_MODELS.has(this.props.thread.model)) {
            return messages;
        }
        const sorted = [...messages].sort(byDateThenId);
        return this.props.order === "asc" ? sorted : sorted.reverse();
    },
});
