/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { Component, onMounted, onWillUnmount, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { useService } from "@web/core/utils/hooks";
import { loadLinkedInPlatform, profileWidgetTag } from "./linkedin_loader";

let nextWidgetId = 1;

/**
 * LinkedIn's Enhanced Profile Widget for one person (LinkedIn's own UI, in
 * its iframe: sign-in, best match, "Not the right profile?", the connected
 * profile, unlink). Its onlink/onunlink callbacks ask Odoo, which connects
 * only what LinkedIn confirms and disconnects through its own flow.
 */
export class LinkedInProfileWidget extends Component {
    static template = "linkedin_recruiter_connect.ProfileWidget";
    static props = {
        resModel: String,
        // The person; none for a preview (its links change nothing).
        resId: { type: Number, optional: true },
        // The model's method answering the widget's configuration; by
        // default the person's, which with `sync` sends them to LinkedIn
        // first (it then knows whom to match).
        configMethod: { type: String, optional: true },
        sync: { type: Boolean, optional: true },
        onChange: { type: Function, optional: true },
    };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.host = useRef("host");
        this.state = useState({ loading: true, error: "" });
        const id = nextWidgetId++;
        this.callbacks = {
            link: `odooLinkedInProfileLinked${id}`,
            unlink: `odooLinkedInProfileUnlinked${id}`,
        };
        window[this.callbacks.link] = (member) => this.onLink(member);
        window[this.callbacks.unlink] = (member) => this.onUnlink(member);
        onMounted(() => this.embed());
        onWillUnmount(() => {
            delete window[this.callbacks.link];
            delete window[this.callbacks.unlink];
        });
    }

    async embed() {
        const { resModel, resId, configMethod, sync } = this.props;
        const method =
            configMethod || (sync ? "action_linkedin_widget_sync" : "linkedin_widget_config");
        try {
            const config = await this.orm.call(resModel, method, resId ? [[resId]] : []);
            const tag = profileWidgetTag(config, this.callbacks);
            this.host.el.replaceChildren(tag);
            await loadLinkedInPlatform(config);
            window.IN?.parse?.(this.host.el);
        } catch (error) {
            this.state.error =
                error instanceof Error && !error.data
                    ? _t("LinkedIn's profile widget could not be loaded from %s.", error.message)
                    : error.data?.message || _t("LinkedIn's profile widget is not available.");
        } finally {
            this.state.loading = false;
        }
    }

    async onLink(member) {
        if (!this.props.resId) {
            return;
        }
        const { warning } = await this.orm.call(
            this.props.resModel,
            "action_linkedin_widget_linked",
            [[this.props.resId], member]
        );
        this.notification.add(_t("LinkedIn Recruiter connected"), { type: "success" });
        if (warning) {
            this.notification.add(warning, { type: "warning", sticky: true });
        }
        await this.props.onChange?.();
    }

    async onUnlink(member) {
        if (!this.props.resId) {
            return;
        }
        const action = await this.orm.call(
            this.props.resModel,
            "action_linkedin_widget_unlinked",
            [[this.props.resId], member]
        );
        if (action?.type === "ir.actions.act_window") {
            // the disconnect wizard: the form is reloaded once it closes
            await this.action.doAction(action, { onClose: () => this.props.onChange?.() });
        } else if (action) {
            // disconnected at once: the notification, then the form reloaded
            await this.action.doAction(action);
            await this.props.onChange?.();
        }
    }
}
