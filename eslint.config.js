// The JavaScript of the site: ES modules run in the browser. `make check` and `make test` run it.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs_src/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
  },
  {
    // Patches Worker.prototype before Material's search starts, so it stays a classic script.
    files: ["docs_src/assets/javascripts/search-query.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    // Material's search dialog starts it as a classic worker (generator/site_search.py).
    files: ["docs_src/assets/javascripts/pagefind-search.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.worker } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Vendored libraries are linted by their authors; generated and installed files are not ours.
    ignores: ["docs_src/assets/vendor/**", "node_modules/**", "site/**", ".site.tmp/**", ".venv/**"],
  },
];
