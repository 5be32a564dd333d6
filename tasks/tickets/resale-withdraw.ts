import { withdraw } from "./resale.js";

export default withdraw;
