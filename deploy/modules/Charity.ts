import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The charity vault. Parameters (all default to the deployer, which suits a local chain; on a
 * public network pass the charity arm's and the guardians' multisigs):
 * - `admin`: grants roles and allowlists ERC-20s (`setTokenAllowed`);
 * - `operator`: the charity arm — beneficiaries, campaigns, disbursement proposals, matching;
 * - `guardian`: vetoes disbursements and pauses.
 */
export default buildModule("Charity", (m) => {
  const deployer = m.getAccount(0);
  const admin = m.getParameter("admin", deployer);
  const operator = m.getParameter("operator", deployer);
  const guardian = m.getParameter("guardian", deployer);
  const vault = m.contract("CharityVault", [admin, operator, guardian], { id: "CharityVault" });
  return { vault };
});
