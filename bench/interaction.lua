-- interaction.lua: wrk script for the benchmark (bench/run): POST a new
-- interaction with one to three random people among the generated ids
-- (BENCH_FIRST_ID..BENCH_LAST_ID), timed now.
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "1")
local kinds = { "call", "meeting", "email", "message", "note" }
local threads = 0
local now = ""
local n = 0

-- Every route but /healthz needs a login: the API token the benchmark
-- made (BENCH_TOKEN), sent as a Bearer header with every request (this
-- script names its own headers, so wrk.headers is not used).
local headers = { ["Content-Type"] = "application/json" }
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then
   headers["Authorization"] = "Bearer " .. token
end

function setup(thread)
   threads = threads + 1
   thread:set("seed", threads)
end

function init(args)
   math.randomseed(15485863 * (seed or 1))
   now = os.date("!%Y-%m-%dT%H:%M:%SZ")
end

-- One to three different ids, as a JSON array.
local function people()
   local ids, seen = {}, {}
   local want = math.random(1, 3)
   while #ids < want do
      local id = math.random(first, last)
      if not seen[id] then
         seen[id] = true
         ids[#ids + 1] = tostring(id)
      end
   end
   return "[" .. table.concat(ids, ",") .. "]"
end

function request()
   n = n + 1
   local body = '{"kind":"' .. kinds[math.random(1, #kinds)] ..
      '","occurred_at":"' .. now ..
      '","summary":"Benchmark touch ' .. n ..
      '","people":' .. people() .. '}'
   return wrk.format("POST", "/api/v1/interactions", headers, body)
end
