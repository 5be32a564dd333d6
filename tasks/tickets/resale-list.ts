import { list } from "./resale.js";

export default list;
