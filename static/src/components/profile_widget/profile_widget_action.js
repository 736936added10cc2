/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { LinkedInProfileWidget } from "./profile_widget";

/**
 * The dialog "Connect to LinkedIn Recruiter" opens when LinkedIn names no
 * match Odoo could show: LinkedIn's profile widget for the person; closed
 * (the form then reloads) once the person is connected.
 */
export class LinkedInProfileWidgetAction extends Component {
    static template = "linkedin_recruiter_connect.ProfileWidgetAction";
    static components = { LinkedInProfileWidget };
    static props = ["*"];

    setup() {
        this.action = useService("action");
        const { model, res_id } = this.props.action.params;
        this.resModel = model;
        this.resId = res_id;
    }

    onChange() {
        return this.action.doAction({ type: "ir.actions.act_window_close" });
    }
}

registry
    .category("actions")
    .add("linkedin_recruiter_connect.profile_widget", LinkedInProfileWidgetAction);
