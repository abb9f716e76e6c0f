/** The environment variable that hands the fake nmstatectl its node's state file. */
export const STATE_ENV = 'ACP_NODE_SIM_STATE';
