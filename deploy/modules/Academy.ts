import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The Academy: one AcademyCertificates registry. `admin` receives the admin and registrar roles
 * (a multisig on public networks); it defaults to the deploying account.
 *
 *   npx hardhat ignition deploy deploy/modules/Academy.ts --network bscTestnet \
 *     --parameters deploy/parameters/bscTestnet.json      # { "Academy": { "admin": "0x…" } }
 */
export default buildModule("Academy", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const academyCertificates = m.contract("AcademyCertificates", [admin], { id: "AcademyCertificates" });
  return { academyCertificates };
});
