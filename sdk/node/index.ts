/** Node-only parts of the SDK: reading files and Ignition's deployment folders. */
export * from "./deployments.js";
export * from "./files.js";
export * from "./academy.js";
export * from "./partnerships.js";
