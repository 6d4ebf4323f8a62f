-- person.lua: wrk script for the benchmark (bench/run): GET one person,
-- a different random one each request, among the generated ids.
-- BENCH_FIRST_ID and BENCH_LAST_ID give the range (from the data set's
-- .meta file).
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "1")
local threads = 0

-- Every route but /healthz needs a login: the API token the benchmark
-- made (BENCH_TOKEN), sent as a Bearer header with every request.
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end

-- Runs in wrk's main state: give each thread its own seed.
function setup(thread)
   threads = threads + 1
   thread:set("seed", threads)
end

function init(args)
   math.randomseed(7919 * (seed or 1))
end

function request()
   return wrk.format("GET", "/api/v1/people/" .. math.random(first, last))
end
