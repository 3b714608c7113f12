-- wrk's script for bench/dashboard_throughput.py: POSTs one GraphQL request as one person and
-- counts the answers that are not exactly the expected one (not 200, or another body).
-- Arguments after wrk's `--`: the request body's file, the identity header, its value, the
-- expected answer's file. At the end prints one `key value` line per figure.

local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = slurp(args[1])
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  wrk.headers[args[2]] = args[3]
  expected = slurp(args[4])
  failures = 0
  sample = ""
end

function response(status, headers, body)
  if status ~= 200 or body ~= expected then
    failures = failures + 1
    if sample == "" then
      sample = status .. " " .. string.sub(body, 1, 200):gsub("%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local failed, example = 0, ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    if example == "" then
      example = thread:get("sample")
    end
  end
  local errors = summary.errors
  io.write(string.format("requests %d\nseconds %.6f\nfailures %d\n", summary.requests, summary.duration / 1e6, failed))
  io.write(string.format("socket_errors %d\n", errors.connect + errors.read + errors.write + errors.timeout))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d %.3f\n", p, latency:percentile(p) / 1000))
  end
  io.write("sample " .. example .. "\n")
end
