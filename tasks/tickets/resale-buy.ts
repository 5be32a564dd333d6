import { buy } from "./resale.js";

export default buy;
