/** libstdc++'s shared_ptr control blocks (_Sp_counted_base): vptr, use count, weak count, then the object. */

/** Where the simulated vtables of the two control-block kinds are: _Sp_counted_ptr and _Sp_counted_ptr_inplace. */
export const VPTR_SEPARATE = 0x40;
export const VPTR_INPLACE = 0x60;
export const CB_USE = 8;
export const CB_WEAK = 12;
/** _Sp_counted_ptr_inplace: where make_shared's object starts in its block. */
export const CB_OBJECT = 16;
