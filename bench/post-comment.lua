-- wrk script for bench/comments.sh: posts the "Leave a Reply" form of one article, each request
-- a new comment (unique text, one of 1,000 commenters per thread), and counts the answers by
-- status: 303 is an accepted comment, anything else a refusal.
--
--   wrk -t2 -c32 -d20s --latency -s bench/post-comment.lua http://127.0.0.1:8091/comments \
--       -- ARTICLE_ID FORM_TOKEN CSRF_PARAMETER CSRF_TOKEN XSRF_COOKIE [RUN]
--
-- RUN (default: the time) makes the texts differ from those of earlier runs on the same article,
-- which would be refused as duplicates. The form token must be older than broadsheet.comments.min-form-time when the load starts.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local function encode(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- globals: done() reads each thread's statuses through thread:get
fields, statuses, counter, run = nil, {}, 0, nil

function init(args)
  local article, token, csrfName, csrfToken, cookie = args[1], args[2], args[3], args[4], args[5]
  run = args[6] or tostring(os.time())
  fields = "article=" .. encode(article) .. "&parent=&subject=&website=&remember=yes&token=" .. encode(token)
      .. "&" .. encode(csrfName) .. "=" .. encode(csrfToken)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "XSRF-TOKEN=" .. cookie
end

function request()
  counter = counter + 1
  local reader = counter % 1000
  local text = "Benchmark comment " .. run .. "-" .. id .. "-" .. counter
      .. ": the harbour talks went on late into the night, and the delegation said the rail corridor would open"
      .. " before the harvest."
  return wrk.format(nil, nil, nil, fields .. "&name=" .. encode("Reader " .. id .. "-" .. reader)
      .. "&email=" .. encode("reader-" .. id .. "-" .. reader .. "@example.org") .. "&comment=" .. encode(text))
end

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
  local seconds = summary.duration / 1e6
  local accepted, others = total[303] or 0, {}
  for status, count in pairs(total) do
    if status ~= 303 then
      table.insert(others, status .. ":" .. count)
    end
  end
  table.sort(others)
  io.write(string.format("accepted %d\n", accepted))
  io.write(string.format("accepted/s %.1f\n", accepted / seconds))
  io.write(string.format("refused %s\n", #others == 0 and "none" or table.concat(others, " ")))
  io.write(string.format("p99 %.1fms\n", latency:percentile(99) / 1000))
end
