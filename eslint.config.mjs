import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers (DESIGN.md): app/ → lib/ ← inngest/; components/ is UI only; only lib/ touches Prisma.
// Type-only imports cross the lines freely (`import type`), since they vanish when compiled.
const DATABASE = {
  regex: "^(@/lib/db(/.*)?|@/lib/generated/prisma/.*|@prisma/client|(\\.\\./)+lib/db(/.*)?)$",
  allowTypeImports: true,
  message:
    "Only lib/ touches the database: call a lib use case (app/, components/ and inngest/ may import Prisma types with `import type`).",
};

// What a component (which may run in the browser) may import from lib: pure modules without the
// database, secrets or Node APIs. Everything else in lib is server code.
const CLIENT_SAFE_LIB = [
  "format/.+", // display vocabulary: labels, statuses, dates, numbers, plurals
  "money/format-money", // the money formatter
  "http/form-state", // what a server action answers
  "http/form-fields", // zod fields for forms
  "time/dates", // calendar-date arithmetic
  ".+-schema", // zod schemas shared by a form and its use case
];
const SERVER_LIB = {
  regex: `^@/lib/(?!(${CLIENT_SAFE_LIB.join("|")})$)`,
  allowTypeImports: true,
  message:
    "components/ is UI: import only client-safe lib modules (lib/format, money/format-money, http/form-state, http/form-fields, time/dates, *-schema) or types with `import type`; pass data in as props.",
};

const UPWARD = {
  regex: "^(@/|(\\.\\./)+)(app|components)(/|$)",
  message: "lib/ is below app/ and components/: it must not import them.",
};

const restrict = (...patterns) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "data/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  // inngest/functions/** still query Prisma directly until the job registry replaces them
  // (issue 8, section 1); they are exempt only until then.
  {
    files: ["app/**", "inngest/**"],
    ignores: ["inngest/functions/**"],
    rules: restrict(DATABASE),
  },
  { files: ["components/**"], rules: restrict(DATABASE, SERVER_LIB) },
  { files: ["lib/**"], rules: restrict(UPWARD) },
];

export default config;
