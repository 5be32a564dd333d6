import type { Page } from "./page.js";
import { charityPage } from "./pages/charity.js";
import { gatePage } from "./pages/gate.js";
import { homePage } from "./pages/home.js";
import { partnershipsPage } from "./pages/partnerships.js";
import { ticketsPage } from "./pages/tickets.js";
import { verifyPage } from "./pages/verify.js";

/** Every page of the portal, in navigation order; the first is the fallback for unknown routes. */
export const PAGES: readonly Page[] = [homePage, verifyPage, ticketsPage, gatePage, charityPage, partnershipsPage];
