// The interactive API reference: Swagger UI, served by the app itself (no CDN, no inline script).
// A logged-in visitor's "Try it out" uses their session; writes then carry the CSRF token.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  var csrf = root.dataset.csrfToken;
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: function (req) {
      var method = (req.method || "GET").toUpperCase();
      if (csrf && ["GET", "HEAD", "OPTIONS"].indexOf(method) === -1) {
        req.headers["X-CSRFToken"] = csrf;
      }
      return req;
    },
  });
})();
