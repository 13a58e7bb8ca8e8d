//! Session series in time: cadence expansion (month ends, nth weekdays,
//! exceptions, daylight-saving changes), scheduling with carried-over
//! actions, and the .ics export read back by an independent parser.

mod cadence;
mod fixture;
mod ics;
mod injection;
mod scheduling;
