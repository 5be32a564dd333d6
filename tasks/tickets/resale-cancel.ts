import { cancel } from "./resale.js";

export default cancel;
