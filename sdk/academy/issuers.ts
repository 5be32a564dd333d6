import type { Provider, Signer } from "ethers";

import { academyContract } from "./abi.js";
import { academyEvent, sendAcademyTx } from "./transaction.js";

/** A registered issuer. */
export interface IssuerInfo {
  readonly issuerId: bigint;
  readonly account: string;
  readonly name: string;
  readonly metadataURI: string;
  readonly registeredAt: bigint;
  /** 0 while not retired. */
  readonly retiredAt: bigint;
  readonly suspended: boolean;
}

/** Registers an institution as an issuer (the signer needs the registrar role). */
export async function registerIssuer(
  signer: Signer,
  registry: string,
  issuer: { account: string; name: string; metadataURI: string },
): Promise<{ issuerId: bigint; txHash: string }> {
  const academy = academyContract(registry, signer);
  const tx = await sendAcademyTx(registry, () =>
    academy.getFunction("registerIssuer")(issuer.account, issuer.name, issuer.metadataURI),
  );
  return { issuerId: academyEvent(tx, "IssuerRegistered").args[0] as bigint, txHash: tx.hash };
}

/** Every registered issuer, read with one call per issuer (ids run from 1). */
export async function listIssuers(provider: Provider, registry: string): Promise<IssuerInfo[]> {
  const academy = academyContract(registry, provider);
  const count = (await academy.getFunction("issuerCount")()) as bigint;
  const issuers: IssuerInfo[] = [];
  for (let id = 1n; id <= count; id += 1n) {
    const [record, profile] = await Promise.all([
      academy.getFunction("issuer")(id) as Promise<{
        account: string;
        registeredAt: bigint;
        retiredAt: bigint;
        suspended: boolean;
      }>,
      academy.getFunction("issuerProfile")(id) as Promise<[string, string]>,
    ]);
    issuers.push({
      issuerId: id,
      account: record.account,
      name: profile[0],
      metadataURI: profile[1],
      registeredAt: record.registeredAt,
      retiredAt: record.retiredAt,
      suspended: record.suspended,
    });
  }
  return issuers;
}
