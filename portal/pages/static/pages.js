import { initAll } from "/static/assets/govuk-frontend.min.js";

initAll();
