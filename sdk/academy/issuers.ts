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

/** One issuer, with its public profile (two calls, in parallel). */
export async function getIssuer(provider: Provider, registry: string, issuerId: bigint): Promise<IssuerInfo> {
  const academy = academyContract(registry, provider);
  const [record, profile] = await Promise.all([
    academy.getFunction("issuer")(issuerId) as Promise<{
      account: string;
      registeredAt: bigint;
      retiredAt: bigint;
      suspended: boolean;
    }>,
    academy.getFunction("issuerProfile")(issuerId) as Promise<[string, string]>,
  ]);
  return {
    issuerId,
    account: record.account,
    name: profile[0],
    metadataURI: profile[1],
    registeredAt: record.registeredAt,
    retiredAt: record.retiredAt,
    suspended: record.suspended,
  };
}

/** Every registered issuer (ids run from 1). */
export async function listIssuers(provider: Provider, registry: string): Promise<IssuerInfo[]> {
  const count = (await academyContract(registry, provider).getFunction("issuerCount")()) as bigint;
  const issuers: IssuerInfo[] = [];
  for (let id = 1n; id <= count; id += 1n) issuers.push(await getIssuer(provider, registry, id));
  return issuers;
}
