// Run skpkit's xlwings Lite main.py in Pyodide (Node, offline: Pyodide's core only) on golden cases.
// usage: node run_in_pyodide.js MAIN_PY CASES_JSON  -> prints {"results": [...], "numpy": bool, "version": ...}
const fs = require("fs");
const path = require("path");

async function main() {
  const [mainPy, casesJson] = process.argv.slice(2);
  const pyodideDir = process.env.SKP_PYODIDE_DIR;
  const { loadPyodide } = require(path.join(pyodideDir, "pyodide"));
  const py = await loadPyodide({ indexURL: path.join(pyodideDir, "pyodide") + path.sep });
  py.FS.writeFile("/home/pyodide/main.py", fs.readFileSync(mainPy, "utf8"));
  py.FS.writeFile("/home/pyodide/cases.json", fs.readFileSync(casesJson, "utf8"));
  const out = py.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
import main
cases = json.load(open("/home/pyodide/cases.json"))
results = [getattr(main, name)(*args) for name, args in cases]
json.dumps({"results": results, "numpy": "numpy" in sys.modules, "version": sys.version})
`);
  process.stdout.write(out);
}

main().catch((e) => { console.error(e); process.exit(1); });
