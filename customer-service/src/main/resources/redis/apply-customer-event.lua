-- Applies one event of a customer's stream, atomically, and only if it is the next version of that stream.
-- KEYS: 1 the customer's hash, 2 the customer's reservations hash, 3 the customers index (sorted set),
--       4 the reservation holders hash (order id -> username)
-- ARGV: 1 the event's version, 2 the username, 3 the change of credit in cents ("0" for none; HINCRBY keeps it exact),
--       4 an order id ("" for none), 5 that order's reservation entry, 6... field/value pairs for the customer's hash
-- Returns 1 when applied, 0 when this version was applied before (a duplicate), -1 when an earlier one is missing.
local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
local version = tonumber(ARGV[1])
if version <= stored then
  return 0
end
if version ~= stored + 1 then
  return -1
end
if #ARGV > 5 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 6))
end
if ARGV[3] ~= '0' then
  redis.call('HINCRBY', KEYS[1], 'creditCents', ARGV[3])
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
  redis.call('HSET', KEYS[4], ARGV[4], ARGV[2])
end
if version == 1 then
  redis.call('ZADD', KEYS[3], 0, ARGV[2])
end
redis.call('HSET', KEYS[1], 'version', ARGV[1])
return 1
