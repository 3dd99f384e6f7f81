#!/usr/bin/env python3
"""The forecasting harness's peer: statsmodels exponential smoothing on the same M4-layout series.

Usage: forecast-peer.py TRAIN.csv HORIZON SEASON OUTDIR [N|all]
Fits ETS(A,Ad,A) (additive errors, damped additive trend, additive season of SEASON steps; no season when
SEASON is 1) by maximum likelihood to each of the first N series, one after another on one process, and writes
OUTDIR/forecast.csv, lower.csv, upper.csv (95%, analytic intervals) in M4's layout. Prints series fitted per
second. Needs Debian's python3-statsmodels. A series the model cannot fit (too short, or the optimiser fails)
gets seasonal naive and is counted.
"""
import csv, os, sys, time, warnings

def main(argv):
    train, horizon, season, out = argv[0], int(argv[1]), int(argv[2]), argv[3]
    limit = None if len(argv) < 5 or argv[4] == "all" else int(argv[4])
    try:
        import pandas as pd
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    except ImportError:
        sys.exit("peer: statsmodels is missing (Debian: apt-get install python3-statsmodels)")
    warnings.filterwarnings("ignore")
    with open(train) as f:
        rows = list(csv.reader(f))[1:]
    rows = [r for r in rows if r][:limit]
    os.makedirs(out, exist_ok=True)
    results, failed = [], 0
    start = time.perf_counter()
    for row in rows:
        y = pd.Series([float(v) for v in row[1:] if v.strip() != ""])
        try:
            seasonal = season > 1 and len(y) >= 2 * season + 10
            model = ETSModel(y, error="add", trend="add", damped_trend=True,
                             seasonal="add" if seasonal else None, seasonal_periods=season if seasonal else None)
            fit = model.fit(disp=False)
            pred = fit.get_prediction(start=len(y), end=len(y) + horizon - 1)
            frame = pred.summary_frame(alpha=0.05)
            point, low, up = list(frame["mean"]), list(frame["pi_lower"]), list(frame["pi_upper"])
        except Exception:
            failed += 1
            m = season if len(y) >= season else 1
            point = [y.iloc[len(y) - m + (k % m)] for k in range(horizon)]
            low, up = point, point
        results.append((row[0].strip('"'), point, low, up))
    seconds = time.perf_counter() - start
    for name, index in (("forecast.csv", 1), ("lower.csv", 2), ("upper.csv", 3)):
        with open(os.path.join(out, name), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id"] + ["F%d" % (k + 1) for k in range(horizon)])
            for r in results:
                w.writerow([r[0]] + ["%.6g" % v for v in r[index]])
    print("peer statsmodels ETS(A,Ad,A) m=%d: %d series fitted and forecast in %.1f s = %.2f series/s "
          "(one process; %d fell back to seasonal naive)" % (season, len(rows), seconds, len(rows) / seconds, failed))

if __name__ == "__main__":
    main(sys.argv[1:])
