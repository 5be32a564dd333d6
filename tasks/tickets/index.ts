import { emptyTask, task } from "hardhat/config";

/** Options shared by every `tickets` command: the contract and the signing account. */
function target(builder: ReturnType<typeof task>) {
  return builder
    .addOption({
      name: "address",
      description: "EventTickets address; the deployment's when omitted",
      defaultValue: "",
    })
    .addOption({
      name: "from",
      description: "Signer address or account index; account 0 when omitted",
      defaultValue: "",
    });
}

/** `npx hardhat tickets …` */
export const ticketsTasks = [
  emptyTask("tickets", "Blockchain Week tickets: tiers, sales, passes, check-in, refunds and resale").build(),
  emptyTask(["tickets", "tier"], "Ticket tiers: add and list").build(),
  target(task(["tickets", "tier", "add"], "Add a tier (organiser) with its name and image"))
    .addOption({ name: "name", description: "Tier name", defaultValue: "" })
    .addOption({ name: "image", description: "Image URI for the metadata", defaultValue: "" })
    .addOption({ name: "price", description: "Unit price in ETH or token units, e.g. 0.1", defaultValue: "0" })
    .addOption({ name: "currency", description: "ETH or an allowlisted ERC-20 address", defaultValue: "ETH" })
    .addOption({ name: "supply", description: "Supply cap", defaultValue: "100" })
    .addOption({
      name: "saleStart",
      description: "Sales open (unix seconds or ISO date); now when omitted",
      defaultValue: "",
    })
    .addOption({ name: "saleEnd", description: "Sales close; the event start when omitted", defaultValue: "" })
    .addOption({ name: "walletCap", description: "Purchases per wallet (0: no cap)", defaultValue: "0" })
    .addOption({ name: "policy", description: "free, resale-only or soulbound", defaultValue: "free" })
    .addOption({ name: "resaleCapBps", description: "Resale cap above the price paid, in bps", defaultValue: "1000" })
    .addFlag({ name: "refundable", description: "Holders may return tickets until a day before the start" })
    .addOption({ name: "allowlistRoot", description: "Merkle root of allowed buyers", defaultValue: "" })
    .addOption({ name: "graduateCourse", description: "Academy course whose graduates may buy", defaultValue: "" })
    .setAction(() => import("./tier-add.js"))
    .build(),
  target(task(["tickets", "tier", "list"], "List the tiers with prices, sales and rules"))
    .addFlag({ name: "json", description: "Print JSON" })
    .setAction(() => import("./tier-list.js"))
    .build(),
  target(task(["tickets", "buy"], "Buy tickets of a tier"))
    .addOption({ name: "tier", description: "Tier id", defaultValue: "" })
    .addOption({ name: "quantity", description: "How many", defaultValue: "1" })
    .addOption({
      name: "maxPrice",
      description: "Highest unit price accepted; the current price when omitted",
      defaultValue: "",
    })
    .setAction(() => import("./buy.js"))
    .build(),
  target(task(["tickets", "airdrop"], "Airdrop comps to the addresses in a CSV file (minter)"))
    .addOption({ name: "tier", description: "Tier id", defaultValue: "" })
    .addOption({ name: "csv", description: "CSV file, first column an address", defaultValue: "" })
    .setAction(() => import("./airdrop.js"))
    .build(),
  target(task(["tickets", "pass"], "Sign a check-in pass: QR code in the terminal and a PNG"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .addOption({ name: "ttl", description: "Seconds the pass stays valid", defaultValue: "60" })
    .addOption({ name: "out", description: "PNG file; pass-<id>.png when omitted", defaultValue: "" })
    .setAction(() => import("./pass.js"))
    .build(),
  target(task(["tickets", "checkin"], "Verify a pass, admit and record the check-in (gate)"))
    .addOption({ name: "pass", description: "The pass code (BWT1.…)", defaultValue: "" })
    .addFlag({ name: "verifyOnly", description: "Verify and admit without recording" })
    .setAction(() => import("./checkin.js"))
    .build(),
  target(task(["tickets", "show"], "Show the event, or one ticket"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .setAction(() => import("./show.js"))
    .build(),
  target(task(["tickets", "cancel"], "Cancel the event (organiser)"))
    .setAction(() => import("./cancel.js"))
    .build(),
  target(task(["tickets", "refund"], "Refund a held ticket"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .setAction(() => import("./refund.js"))
    .build(),
  target(task(["tickets", "settle"], "Pay out proceeds after the end plus the grace period"))
    .addOption({ name: "currency", description: "ETH or the ERC-20 address", defaultValue: "ETH" })
    .setAction(() => import("./settle.js"))
    .build(),
  emptyTask(["tickets", "resale"], "Capped resale: list, buy, cancel, withdraw proceeds").build(),
  target(task(["tickets", "resale", "list"], "List a held ticket for resale"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .addOption({ name: "price", description: "Price; the resale cap when omitted", defaultValue: "" })
    .setAction(() => import("./resale-list.js"))
    .build(),
  target(task(["tickets", "resale", "buy"], "Buy a listed ticket"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .setAction(() => import("./resale-buy.js"))
    .build(),
  target(task(["tickets", "resale", "cancel"], "Cancel your listing"))
    .addOption({ name: "tokenId", description: "Ticket id", defaultValue: "" })
    .setAction(() => import("./resale-cancel.js"))
    .build(),
  target(task(["tickets", "resale", "withdraw"], "Withdraw the ETH your sold listings earned"))
    .setAction(() => import("./resale-withdraw.js"))
    .build(),
];
