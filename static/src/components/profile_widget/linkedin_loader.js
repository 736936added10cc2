/** @odoo-module **/
/* Copyright 2026 linkedin_recruiter_connect contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

// LinkedIn's platform loader (in.js) reads its settings from its own script
// tag's text and is loaded once per page; it then renders every widget tag
// handed to IN.parse().

const loaders = new Map();

/**
 * Load LinkedIn's in.js with this API key and the HcmWidget extension once.
 *
 * @param {{loader_url: string, api_key: string, extension_url: string}} config
 * @returns {Promise<void>} resolved when in.js has run
 */
export function loadLinkedInPlatform(config) {
    const key = `${config.loader_url}\n${config.api_key}\n${config.extension_url}`;
    if (!loaders.has(key)) {
        loaders.set(
            key,
            new Promise((resolve, reject) => {
                const script = document.createElement("script");
                script.text = `api_key: ${config.api_key}\nextensions: HcmWidget@${config.extension_url}`;
                script.src = config.loader_url;
                script.onload = () => resolve();
                script.onerror = () => {
                    loaders.delete(key);
                    reject(new Error(config.loader_url));
                };
                document.head.appendChild(script);
            })
        );
    }
    return loaders.get(key);
}

/**
 * The widget tag of LinkedIn's Enhanced Profile Widget for one candidate.
 *
 * @param {Object} config what linkedin_widget_config() answers
 * @param {{link: string, unlink: string}} callbacks names of global functions
 * @returns {HTMLScriptElement}
 */
export function profileWidgetTag(config, callbacks) {
    const tag = document.createElement("script");
    tag.type = "IN/HcmWidget";
    Object.assign(tag.dataset, {
        widgetType: "ATS",
        atsCandidateId: config.candidate_id,
        integrationContext: config.integration_context,
        showUnlinkUrl: "true",
        confirmUnlink: "true",
        onlink: callbacks.link,
        onunlink: callbacks.unlink,
    });
    if (config.integration_contract) {
        tag.dataset.integrationContract = config.integration_contract;
    }
    return tag;
}
