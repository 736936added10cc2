/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { Component, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";
import { LinkedInProfileWidget } from "./profile_widget";

/**
 * The LinkedIn tab of a person's form: LinkedIn's profile widget showing the
 * connected profile, or, once asked, the matches of an unconnected person.
 */
export class LinkedInProfileTab extends Component {
    static template = "linkedin_recruiter_connect.ProfileTab";
    static components = { LinkedInProfileWidget };
    static props = { ...standardWidgetProps };

    setup() {
        this.state = useState({ matching: false });
    }

    get record() {
        return this.props.record;
    }

    get showWidget() {
        return Boolean(this.record.resId) && (this.record.data.linkedin_connected || this.state.matching);
    }

    onChange() {
        return this.record.load();
    }
}

registry.category("view_widgets").add("linkedin_profile_widget", {
    component: LinkedInProfileTab,
});
