import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The partnership (MOU) registry. Parameters:
 * - `admin`: receives DEFAULT_ADMIN_ROLE and REGISTRAR_ROLE (default: the deploying account; a
 *   multisig on public networks).
 */
export default buildModule("Partnerships", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const registry = m.contract("PartnershipRegistry", [admin], { id: "PartnershipRegistry" });
  return { registry };
});
