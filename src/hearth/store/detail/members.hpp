// The stored members of each entity, as a table the codec walks: one line per entity in
// codec.cpp names them once, and both directions (encode and decode) read that line.
#pragma once

#include <string_view>
#include <tuple>

namespace hearth::store::detail {

template <typename Owner, typename Value>
struct Member {
  std::string_view name;  // the JSON key: the C++ member's name
  Value Owner::*pointer;
};
template <typename Owner, typename Value>
Member(std::string_view, Value Owner::*) -> Member<Owner, Value>;

// Specialised by HEARTH_STORED_MEMBERS for each entity; `list` is a tuple of Member.
template <typename T>
struct StoredMembers;

template <typename T>
concept HasStoredMembers = requires {
  StoredMembers<T>::list;
};

}  // namespace hearth::store::detail

// HEARTH_STORED_MEMBERS(Type, member...) defines StoredMembers<Type>: up to 32 members. The
// ladder below turns each name into a Member; it is plain counting, nothing else.
// Used at global scope, where an explicit specialisation may name the template in full.
#define HEARTH_STORED_MEMBERS(T, ...)                                                \
  template <>                                                                        \
  struct hearth::store::detail::StoredMembers<T> {                                   \
    static constexpr auto list = std::make_tuple(HEARTH_MEMBERS_OF(T, __VA_ARGS__)); \
  };

#define HEARTH_MEMBER_1(T, m)       \
  ::hearth::store::detail::Member { \
#m, &T::m                       \
  }
#define HEARTH_MEMBER_2(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_1(T, __VA_ARGS__)
#define HEARTH_MEMBER_3(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_2(T, __VA_ARGS__)
#define HEARTH_MEMBER_4(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_3(T, __VA_ARGS__)
#define HEARTH_MEMBER_5(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_4(T, __VA_ARGS__)
#define HEARTH_MEMBER_6(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_5(T, __VA_ARGS__)
#define HEARTH_MEMBER_7(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_6(T, __VA_ARGS__)
#define HEARTH_MEMBER_8(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_7(T, __VA_ARGS__)
#define HEARTH_MEMBER_9(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_8(T, __VA_ARGS__)
#define HEARTH_MEMBER_10(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_9(T, __VA_ARGS__)
#define HEARTH_MEMBER_11(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_10(T, __VA_ARGS__)
#define HEARTH_MEMBER_12(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_11(T, __VA_ARGS__)
#define HEARTH_MEMBER_13(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_12(T, __VA_ARGS__)
#define HEARTH_MEMBER_14(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_13(T, __VA_ARGS__)
#define HEARTH_MEMBER_15(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_14(T, __VA_ARGS__)
#define HEARTH_MEMBER_16(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_15(T, __VA_ARGS__)
#define HEARTH_MEMBER_17(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_16(T, __VA_ARGS__)
#define HEARTH_MEMBER_18(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_17(T, __VA_ARGS__)
#define HEARTH_MEMBER_19(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_18(T, __VA_ARGS__)
#define HEARTH_MEMBER_20(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_19(T, __VA_ARGS__)
#define HEARTH_MEMBER_21(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_20(T, __VA_ARGS__)
#define HEARTH_MEMBER_22(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_21(T, __VA_ARGS__)
#define HEARTH_MEMBER_23(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_22(T, __VA_ARGS__)
#define HEARTH_MEMBER_24(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_23(T, __VA_ARGS__)
#define HEARTH_MEMBER_25(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_24(T, __VA_ARGS__)
#define HEARTH_MEMBER_26(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_25(T, __VA_ARGS__)
#define HEARTH_MEMBER_27(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_26(T, __VA_ARGS__)
#define HEARTH_MEMBER_28(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_27(T, __VA_ARGS__)
#define HEARTH_MEMBER_29(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_28(T, __VA_ARGS__)
#define HEARTH_MEMBER_30(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_29(T, __VA_ARGS__)
#define HEARTH_MEMBER_31(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_30(T, __VA_ARGS__)
#define HEARTH_MEMBER_32(T, m, ...) HEARTH_MEMBER_1(T, m), HEARTH_MEMBER_31(T, __VA_ARGS__)
#define HEARTH_MEMBER_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, \
                           _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30,  \
                           _31, _32, N, ...)                                                      \
  HEARTH_MEMBER_##N
#define HEARTH_MEMBERS_OF(T, ...)                                                                 \
  HEARTH_MEMBER_PICK(__VA_ARGS__, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, \
                     16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)                       \
  (T, __VA_ARGS__)
