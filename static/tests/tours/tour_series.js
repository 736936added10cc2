/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import { registry } from "@web/core/registry";
import { session } from "@web/session";

/**
 * The tours are written the way Odoo 18.0 and later read them: a step
 * without `run` only checks its trigger, "edit <text>" types into it, a
 * trigger is looked for in the whole page and `run()` finds the element in
 * `this.anchor`. Odoo 17.0 clicks a step without `run`, types with
 * "text <text>", looks inside an open dialog only and gives `this.$anchor`:
 * this is the one place that tells them apart.
 */
const BEFORE_18 = session.server_version_info[0] < 18;

function step17(step) {
    const run = step.run;
    const built = { in_modal: false, ...step };
    if (run === undefined) {
        built.isCheck = true;
    } else if (typeof run === "string" && run.startsWith("edit ")) {
        built.run = `text ${run.slice("edit ".length)}`;
    } else if (typeof run === "function") {
        built.run = function () {
            this.anchor = this.$anchor[0];
            return run.call(this);
        };
    }
    return built;
}

/** Register the test tour `name` whose steps `steps()` returns. */
export function addTour(name, steps) {
    registry.category("web_tour.tours").add(name, {
        test: BEFORE_18 || undefined,
        steps: BEFORE_18 ? () => steps().map(step17) : steps,
    });
}
