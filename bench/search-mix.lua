-- wrk script for bench/search.sh: each connection walks the list of paths in the file named by
-- the first script argument (one per line), from its own starting point; prints p50, p95, p99
-- and the highest latency at the end (wrk's own summary has no p95).
local paths = {}
local next = 1

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  next = math.random(#paths)
end

function request()
  next = next % #paths + 1
  return wrk.format("GET", paths[next])
end

function done(summary, latency, requests)
  io.write(string.format("percentiles: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
