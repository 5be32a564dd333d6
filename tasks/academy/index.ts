import { emptyTask, task } from "hardhat/config";

const address = {
  name: "address",
  description: "AcademyCertificates address (default: the deployment)",
  defaultValue: "",
} as const;
const from = {
  name: "from",
  description: "Signing account: address or index (default: the first)",
  defaultValue: "",
} as const;
const validFrom = {
  name: "validFrom",
  description: "Start of validity, unix seconds (default: now)",
  defaultValue: "",
} as const;
const validDays = { name: "validDays", description: "Days of validity; 0 = no expiry", defaultValue: "0" } as const;
const linkBase = { name: "linkBase", description: "Base URL of verification links", defaultValue: "" } as const;

/** `npx hardhat academy …` */
export const academyTasks = [
  emptyTask("academy", "Academy certificates: issuers, courses, cohorts, claims and verification").build(),
  emptyTask(["academy", "issuer"], "Institutions that certify graduates").build(),
  task(["academy", "issuer", "add"], "Register an institution as an issuer (registrar role)")
    .addOption({
      name: "account",
      description: "The issuer's acting account (EOA or contract wallet)",
      defaultValue: "",
    })
    .addOption({ name: "name", description: "The institution's public name", defaultValue: "" })
    .addOption({ name: "uri", description: "Where its profile is published", defaultValue: "" })
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./issuerAdd.js"))
    .build(),
  task(["academy", "issuer", "list"], "List the registered issuers")
    .addOption(address)
    .addFlag({ name: "json", description: "Print JSON" })
    .setAction(() => import("./issuerList.js"))
    .build(),
  emptyTask(["academy", "course"], "Courses of the issuers").build(),
  task(["academy", "course", "add"], "Create a course of the signing issuer")
    .addOption({ name: "uri", description: "Where the course description is published", defaultValue: "" })
    .addOption({
      name: "hash",
      description: "0x-hash of the description (default: keccak256 of --uri)",
      defaultValue: "",
    })
    .addOption({
      name: "maxValidityDays",
      description: "Longest certificate validity in days; 0 = none",
      defaultValue: "0",
    })
    .addFlag({ name: "irrevocable", description: "Certificates of the course cannot be revoked or suspended" })
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./courseAdd.js"))
    .build(),
  task(["academy", "course", "list"], "List the courses")
    .addOption(address)
    .addFlag({ name: "json", description: "Print JSON" })
    .setAction(() => import("./courseList.js"))
    .build(),
  task(["academy", "issue"], "Mint a certificate directly to a graduate and print its credential")
    .addOption({ name: "to", description: "The graduate's wallet", defaultValue: "" })
    .addOption({ name: "course", description: "Course id", defaultValue: "" })
    .addOption({ name: "name", description: "The graduate's name (kept off chain)", defaultValue: "" })
    .addOption(validFrom)
    .addOption(validDays)
    .addOption({ name: "out", description: "Write the credential JSON to this file", defaultValue: "" })
    .addOption(linkBase)
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./issue.js"))
    .build(),
  task(["academy", "cohort"], "Build a cohort from a CSV, anchor its root, write credentials and QR codes")
    .addOption({ name: "course", description: "Course id", defaultValue: "" })
    .addOption({ name: "csv", description: "CSV file with columns name,address,course", defaultValue: "" })
    .addOption({ name: "out", description: "Directory for the credential JSON and QR PNG files", defaultValue: "" })
    .addOption(validFrom)
    .addOption(validDays)
    .addOption(linkBase)
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./cohort.js"))
    .build(),
  task(["academy", "claim"], "Turn a cohort credential into the graduate's soulbound token")
    .addOption({ name: "credential", description: "Credential JSON file", defaultValue: "" })
    .addOption({ name: "from", description: "Signing account (default: the credential's recipient)", defaultValue: "" })
    .setAction(() => import("./claim.js"))
    .build(),
  task(["academy", "verify"], "Verify a credential step by step; exits non-zero unless valid")
    .addOption({ name: "credential", description: "Credential JSON file", defaultValue: "" })
    .addOption({ name: "link", description: "Verification link (instead of a file)", defaultValue: "" })
    .addFlag({ name: "json", description: "Print JSON" })
    .setAction(() => import("./verify.js"))
    .build(),
  task(["academy", "revoke"], "Revoke certificates or unclaimed cohort leaves")
    .addOption({ name: "tokenId", description: "Token id(s), comma-separated", defaultValue: "" })
    .addOption({ name: "reasonCode", description: "Reason code 0-255", defaultValue: "0" })
    .addOption({ name: "reason", description: "Published reason: text (hashed) or a 0x-hash", defaultValue: "" })
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./revoke.js"))
    .build(),
  task(["academy", "suspend"], "Suspend a certificate (or lift the suspension with --lift)")
    .addOption({ name: "tokenId", description: "Token id", defaultValue: "" })
    .addFlag({ name: "lift", description: "Lift the suspension instead" })
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./suspend.js"))
    .build(),
  task(["academy", "reissue"], "Replace a certificate with a corrected one; the old one becomes Superseded")
    .addOption({ name: "tokenId", description: "The certificate to replace", defaultValue: "" })
    .addOption({ name: "to", description: "The graduate's wallet", defaultValue: "" })
    .addOption({ name: "name", description: "The graduate's (corrected) name", defaultValue: "" })
    .addOption(validFrom)
    .addOption(validDays)
    .addOption({ name: "out", description: "Write the new credential JSON to this file", defaultValue: "" })
    .addOption(address)
    .addOption(from)
    .setAction(() => import("./reissue.js"))
    .build(),
  task(["academy", "show"], "Show a certificate's status, holder, course and validity")
    .addOption({ name: "tokenId", description: "Token id", defaultValue: "" })
    .addOption(address)
    .addFlag({ name: "json", description: "Print JSON" })
    .setAction(() => import("./show.js"))
    .build(),
];
