-- wrk script for bench/run.sh: posts an article's comment form again and again, each request a new
-- comment (unique text, one of 1,000 commenters per thread), the way a browser on the site posts it:
-- with the form's hidden fields as the page gave them (whatever they are: an article id, a signed
-- form token, a CSRF field or none), the page's cookies if it set any, and the headers a browser
-- adds to a same-origin post (Origin, Sec-Fetch-Site). Counts the answers by status: 303 is an
-- accepted comment (approved or held), anything else a refusal.
--
--   wrk -t2 -c8 -d20s --latency -s bench/post-form.lua http://127.0.0.1:8090/comments \
--       -- HIDDEN_FIELDS COOKIE ORIGIN [RUN]
--
-- HIDDEN_FIELDS: the form's hidden fields, URL-encoded (a=1&token=…); COOKIE: the Cookie header, or
-- "-" for none; ORIGIN: http://127.0.0.1:PORT; RUN (default: the time) makes the texts differ from
-- those of earlier runs, which would be refused as duplicates. The form must be older than
-- broadsheet.comments.min-form-time when the load starts, and flood limits off for the site.

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
  fields = args[1]
  local cookie, origin = args[2], args[3]
  run = args[4] or tostring(os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = origin
  wrk.headers["Sec-Fetch-Site"] = "same-origin"
  wrk.headers["Sec-Fetch-Mode"] = "navigate"
  if cookie ~= nil and cookie ~= "-" and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function request()
  counter = counter + 1
  local reader = counter % 1000
  local text = "Bench comment " .. run .. "-" .. id .. "-" .. counter
      .. ": the ferry timetable changed again this week, and the islanders say the late crossing"
      .. " is the one they need most."
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
end
