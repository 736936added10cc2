# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The JavaScript of the Profile Widget stand-in (see widget.py).

``LOADER_JS`` is served at ``/xdoor/scripts/in.js`` (LinkedIn's JS SDK
loader), ``EXTENSION_JS`` at the HcmWidget extension URLs, ``PAGE_JS`` is
inlined in every widget page (the iframe). Kept as string constants so that
every way the sandbox package is shipped (tier 1, the built addon) carries
them.
"""

LOADER_JS = r"""/* LinkedIn JS SDK loader: the sandbox stand-in. */
(function () {
  "use strict";
  var RE = /\/xdoor\/scripts\/in\.js([?#]|$)/;
  var script = document.currentScript;
  if (!script || !RE.test(script.src || "")) {
    var all = document.getElementsByTagName("script");
    script = null;
    for (var i = all.length - 1; i >= 0; i--) {
      if (RE.test(all[i].src || "")) { script = all[i]; break; }
    }
  }
  var config = {};
  String(script ? script.text || script.textContent || "" : "")
    .split(/[\r\n]+/).forEach(function (line) {
      var m = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (m) { config[m[1]] = m[2]; }
    });
  var extensions = [];
  String(config.extensions || "").split(",").forEach(function (item) {
    var at = item.indexOf("@");
    if (at > 0) {
      extensions.push({name: item.slice(0, at).trim(),
                       url: item.slice(at + 1).trim()});
    }
  });
  var loaderOrigin = script && script.src
    ? new URL(script.src, document.baseURI).origin : "";

  var IN = window.IN;
  if (!IN || !IN._sandbox) {
    IN = window.IN = {
      _sandbox: true,
      ENV: {auth: {api_key: ""}},
      _origin: loaderOrigin,
      _extensions: {},
      _pending: [],
      _widgets: [],
      /* Render the unrendered widget tags under root (default: document);
         queued until the extensions are loaded. */
      parse: function (root) {
        root = root || document;
        var names = Object.keys(IN._extensions);
        var ready = names.length && names.every(function (name) {
          return IN._extensions[name].api;
        });
        if (!ready) { IN._pending.push(root); return; }
        names.forEach(function (name) { IN._extensions[name].api.render(root); });
      },
      /* Called by an extension script once it is loaded. */
      _register: function (name, api) {
        var extension = IN._extensions[name] || (IN._extensions[name] = {});
        extension.api = api;
        var pending = IN._pending;
        IN._pending = [];
        IN.parse(document);
        pending.forEach(function (root) {
          if (root !== document) { IN.parse(root); }
        });
      },
      _track: function (tag, iframe, origin) {
        IN._widgets.push({tag: tag, iframe: iframe, origin: origin});
      }
    };
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.source !== "IN/HcmWidget") { return; }
      IN._widgets.forEach(function (widget) {
        /* Only the widget's own iframe, from the sandbox origin, is heard. */
        if (event.origin !== widget.origin) { return; }
        if (event.source !== widget.iframe.contentWindow) { return; }
        IN._message(widget, data);
      });
    });
    IN._message = function (widget, data) {
      var STATES = ["signin", "match", "connected", "error"];
      if (STATES.indexOf(data.state) >= 0) {
        widget.iframe.setAttribute("data-in-state", data.state);
      }
      if (typeof data.height === "number" && data.height > 0) {
        widget.iframe.style.height = Math.max(360, Math.ceil(data.height)) + "px";
      }
      var callback = {link: "onlink", unlink: "onunlink"}[data.event];
      var name = callback && widget.tag.getAttribute("data-" + callback);
      if (name && typeof window[name] === "function") {
        try {
          window[name](data.member);
        } catch (error) {
          console.error("IN/HcmWidget: " + name + " failed", error);
        }
      }
    };
  }
  if (config.api_key) { IN.ENV.auth.api_key = config.api_key; }
  if (!IN._origin) { IN._origin = loaderOrigin; }
  extensions.forEach(function (extension) {
    if (IN._extensions[extension.name]) { return; }
    IN._extensions[extension.name] = {url: extension.url};
    var tag = document.createElement("script");
    tag.src = extension.url;
    tag.async = true;
    tag.onerror = function () {
      console.error("IN: could not load the extension " + extension.name +
                    " from " + extension.url);
    };
    (document.head || document.documentElement).appendChild(tag);
  });
  IN.parse(document);
})();
"""

EXTENSION_JS = r"""/* LinkedIn HcmWidget extension (Profile Widget): the stand-in. */
(function () {
  "use strict";
  var IN = window.IN;
  if (!IN || !IN._register) {
    console.error("IN/HcmWidget: load in.js (the LinkedIn JS SDK) first");
    return;
  }
  var script = document.currentScript;
  var origin = script && script.src
    ? new URL(script.src, document.baseURI).origin : IN._origin;
  var MIN_HEIGHT = 360;

  function tagsUnder(root) {
    var selector = 'script[type="IN/HcmWidget"]';
    var tags = root.querySelectorAll ? [].slice.call(root.querySelectorAll(selector))
      : [];
    if (root.matches && root.matches(selector)) { tags.unshift(root); }
    return tags;
  }

  function renderTag(tag) {
    if (tag.getAttribute("data-in-rendered")) { return; }
    var data = tag.dataset;
    if (data.widgetType !== "ATS") {
      console.error("IN/HcmWidget: data-widget-type must be ATS, not " +
                    JSON.stringify(data.widgetType || ""));
      return;
    }
    if (!data.atsCandidateId) {
      console.error("IN/HcmWidget: data-ats-candidate-id is required");
      return;
    }
    var params = new URLSearchParams();
    params.set("api_key", IN.ENV.auth.api_key || "");
    params.set("atsCandidateId", data.atsCandidateId);
    params.set("integrationContext", data.integrationContext || "");
    if (data.integrationContract) {
      params.set("integrationContract", data.integrationContract);
    }
    params.set("showUnlinkUrl", data.showUnlinkUrl === "true" ? "true" : "false");
    params.set("confirmUnlink", data.confirmUnlink === "true" ? "true" : "false");
    params.set("origin", window.location.origin);
    var iframe = document.createElement("iframe");
    iframe.className = "IN-widget";
    iframe.title = "LinkedIn Profile Widget";
    iframe.setAttribute("frameborder", "0");
    iframe.setAttribute("scrolling", "no");
    var width = parseInt(data.width, 10);
    iframe.style.width = width > 0 ? width + "px" : "100%";
    iframe.style.height = MIN_HEIGHT + "px";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.src = origin + "/rsc/widget/profile?" + params.toString();
    tag.setAttribute("data-in-rendered", "true");
    IN._track(tag, iframe, origin);
    tag.parentNode.insertBefore(iframe, tag.nextSibling);
  }

  IN._register("HcmWidget", {
    render: function (root) { tagsUnder(root || document).forEach(renderTag); }
  });
})();
"""

# Inlined in each widget page; reads the page's JSON data block.
PAGE_JS = r"""(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("in-widget-data").textContent);
  if (!data.hostOrigin || window.parent === window) { return; }
  function height() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }
  function post(event) {
    window.parent.postMessage({
      source: "IN/HcmWidget", event: event, state: data.state,
      member: data.member, atsCandidateId: data.atsCandidateId,
      height: height(), error: data.error
    }, data.hostOrigin);
  }
  post("ready");
  data.events.forEach(post);
  var last = height();
  var watch = function () {
    var now = height();
    if (now !== last) { last = now; post("resize"); }
  };
  if (window.ResizeObserver) {
    new ResizeObserver(watch).observe(document.documentElement);
  } else {
    window.addEventListener("resize", watch);
  }
  post("resize");
})();
"""
