/**
 * Consumer lag: Burrow's evaluation rules (./burrow.ts) and the consumer-group lag simulation
 * (./lag-simulation.ts), exported together as the lag widget's model.
 */
export * from './burrow.ts';
export * from './lag-simulation.ts';
