import path from "node:path";

import { defineConfig } from "vite";

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * The portal is a static single-page app: relative asset paths (`base: "./"`) so the built files
 * can be hosted from any folder, IPFS gateways included. Deployment records are read from the
 * repository's Ignition folder at build time.
 */
export default defineConfig({
  root,
  base: "./",
  build: {
    outDir: path.join(root, "dist"),
    emptyOutDir: true,
    target: "es2022",
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    fs: { allow: [path.join(root, "..")] },
  },
  preview: { host: "127.0.0.1", port: 4173 },
});
