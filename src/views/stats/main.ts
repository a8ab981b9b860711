// The statistics view (ui://batch/stats.html): get_orchestration_stats results, and
// compare_orchestrations' ranked rows when a result carries them.

import { message, startView } from "../shared/app.js";
import { isComparison, isStats } from "../shared/data.js";
import { replace } from "../shared/dom.js";
import "../shared/base.css";
import { compareSection } from "./compare.js";
import { renderStats } from "./render.js";
import "./stats.css";

const root = document.getElementById("app") ?? document.body;

startView("stats", root, (structured) => {
  if (isStats(structured)) renderStats(root, structured);
  else if (isComparison(structured)) replace(root, compareSection(structured));
  else replace(root, message("This result carries no statistics to show."));
});
