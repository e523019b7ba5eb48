-- wrk script: GET the pages listed in $PAGES_FILE (one path a line) in turn, as the session in
-- $SESSION_FILE. With $RATE set, each connection waits before its next request so that the
-- $CONNECTIONS connections together offer about $RATE requests a second: the latency at that
-- load, rather than at saturation (wrk is closed-loop: without a pause, latency is just the
-- connections divided by the throughput). Prints one RESULT line for bench/run.sh.
local paths = {}
for line in io.lines(os.getenv("PAGES_FILE")) do paths[#paths + 1] = line end
local session = io.open(os.getenv("SESSION_FILE")):read("*l")
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "200")
wrk.headers["Cookie"] = "hearth_session=" .. session
local counter = 0
local gap = rate > 0 and connections / rate * 1000 or 0  -- ms between one connection's requests

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

if rate > 0 then
  delay = function()
    return math.random(math.floor(gap * 0.5), math.floor(gap * 1.5))
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d errors=%d non2xx=%d pages_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, errors, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
