// Run skpkit's xlwings Lite main.py in Pyodide (Node, offline: Pyodide's core only) on golden cases, its
// functions registered by xlwings' own Lite decorators when SKP_XLWINGS_WHEEL names xlwings' pure wheel.
// usage: node run_in_pyodide.js MAIN_PY CASES_JSON
//   -> prints {"results": [...], "numpy": bool, "version": ..., "xlwings": ..., "meta": {...} | null}
const fs = require("fs");
const path = require("path");

async function main() {
  const [mainPy, casesJson] = process.argv.slice(2);
  const pyodideDir = process.env.SKP_PYODIDE_DIR;
  const wheel = process.env.SKP_XLWINGS_WHEEL || "";
  const { loadPyodide } = require(path.join(pyodideDir, "pyodide"));
  const py = await loadPyodide({ indexURL: path.join(pyodideDir, "pyodide") + path.sep });
  py.FS.writeFile("/home/pyodide/main.py", fs.readFileSync(mainPy, "utf8"));
  py.FS.writeFile("/home/pyodide/cases.json", fs.readFileSync(casesJson, "utf8"));
  if (wheel) {
    py.FS.writeFile("/tmp/" + path.basename(wheel), fs.readFileSync(wheel));
  }
  py.globals.set("wheel", wheel ? "/tmp/" + path.basename(wheel) : "");
  const out = py.runPython(`
import json, os, sys, types, zipfile
sys.path.insert(0, "/home/pyodide")
if wheel:
    # as xlwings Lite runs it: xlwings' pure wheel, its server-side decorators, a licence key
    zipfile.ZipFile(wheel).extractall("/tmp/site")
    sys.path.insert(0, "/tmp/site")
    os.environ["XLWINGS_ON_SERVER"] = "true"
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
import main
meta, version = None, None
if wheel:
    import xlwings
    from xlwings.server import custom_functions_meta
    meta, version = custom_functions_meta(main), xlwings.__version__
cases = json.load(open("/home/pyodide/cases.json"))
results = [getattr(main, name)(*args) for name, args in cases]
json.dumps({"results": results, "numpy": "numpy" in sys.modules, "version": sys.version, "xlwings": version,
            "meta": meta})
`);
  process.stdout.write(out);
}

main().catch((e) => { console.error(e); process.exit(1); });
