-- wrk script for bench/run.sh: sends the request wrk was given (its -H headers included) and counts
-- the answers by status, so that a run can check that every answer was the one it expects (a 304
-- revalidation must not turn into 200s). Prints "statuses 304:123456 200:0" at the end.
--
--   wrk -t2 -c64 -d20s --latency -s bench/statuses.lua -H 'If-None-Match: "…"' http://127.0.0.1:8090/…

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- global: done() reads each thread's counts through thread:get
statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. ":" .. count)
  end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
end
