/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { Component, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";
import { LinkedInProfileWidget } from "./profile_widget";

/**
 * Recruitment settings: LinkedIn's profile widget as this Odoo's pages get
 * it, so the admin sees LinkedIn's own answer, e.g. its error for a domain
 * missing from validJsSdkDomains, or its sign-in once the domain is known.
 */
export class LinkedInProfileWidgetPreview extends Component {
    static template = "linkedin_recruiter_connect.ProfileWidgetPreview";
    static components = { LinkedInProfileWidget };
    static props = { ...standardWidgetProps };

    setup() {
        this.state = useState({ shown: false, key: 0 });
    }

    show() {
        this.state.shown = true;
        this.state.key++;
    }
}

registry.category("view_widgets").add("linkedin_profile_widget_preview", {
    component: LinkedInProfileWidgetPreview,
});
