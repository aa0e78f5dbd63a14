-- wrk script: optional rotating paths/bodies, and a one-line JSON summary at the end.
-- Environment (read by the orchestrator when it writes this file's companion): none.
local paths = nil
local counter = 0

function init(args)
  if #args > 0 then
    paths = {}
    for path in string.gmatch(args[1], "[^,]+") do table.insert(paths, path) end
    counter = math.random(0, #paths)
  end
end

function request()
  if paths then
    counter = counter + 1
    local path = paths[(counter % #paths) + 1]
    return wrk.format(nil, path)
  end
  return wrk.format(nil, nil)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
